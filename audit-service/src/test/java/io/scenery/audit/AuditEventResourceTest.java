package io.scenery.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scenery.audit.service.TrailReceipts;
import io.scenery.events.AuditEvent;
import io.scenery.events.audit.TrailActions;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AuditEventResourceTest {

    private static final String PATH = "/api/v1/audit-events";
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DataSource dataSource;

    private AuditTopic topic;
    private AuditRows rows;

    @BeforeEach
    void openTopic() {
        topic = new AuditTopic(objectMapper);
        rows = new AuditRows(dataSource);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void filtersMatchEveryField() {
        String taskId = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        AuditEvent uploaded = withFields(AuditTopic.event(taskId, "upload.accepted", T0), "ingest-service",
                AuditEvent.SUCCESS, traceId);
        AuditEvent sliced = withFields(AuditTopic.event(taskId, "slicing.finished", T0.plusSeconds(10)),
                "slicer-service", AuditEvent.SUCCESS, null);
        AuditEvent failed = withFields(AuditTopic.event(taskId, "analysis.finished", T0.plusSeconds(20)),
                "vlm-service", AuditEvent.failed("TimeoutException"), traceId);
        publishAndAwait(taskId, List.of(uploaded, sliced, failed));

        // audit-service stores its receipt of the upload when it stores the upload; it is the newest row.
        String receipt = TrailReceipts.receiptId(uploaded.eventId()).toString();
        assertThat(eventIds(Map.of("taskId", taskId))).containsExactly(id(uploaded), id(sliced), id(failed), receipt);
        assertThat(eventIds(Map.of("taskId", taskId, "traceId", traceId)))
                .containsExactly(id(uploaded), id(failed), receipt);
        assertThat(eventIds(Map.of("taskId", taskId, "service", "audit-service"))).containsExactly(receipt);
        assertThat(eventIds(Map.of("taskId", taskId, "action", "slicing.finished"))).containsExactly(id(sliced));
        assertThat(eventIds(Map.of("taskId", taskId, "service", "vlm-service"))).containsExactly(id(failed));
        assertThat(eventIds(Map.of("taskId", taskId, "outcome", "failed:TimeoutException")))
                .containsExactly(id(failed));
        assertThat(eventIds(Map.of("taskId", taskId, "service", "vlm-service", "outcome", "success"))).isEmpty();
        assertThat(eventIds(Map.of("taskId", taskId, "action", " "))).hasSize(4);
    }

    @Test
    void timeRangeIncludesFromExcludesTo() {
        String taskId = UUID.randomUUID().toString();
        List<AuditEvent> events = List.of(
                AuditTopic.event(taskId, "step", T0),
                AuditTopic.event(taskId, "step", T0.plusSeconds(10)),
                AuditTopic.event(taskId, "step", T0.plusSeconds(20)));
        publishAndAwait(taskId, events);

        assertThat(eventIds(Map.of("taskId", taskId, "from", "2025-05-01T08:00:10Z")))
                .containsExactly(id(events.get(1)), id(events.get(2)));
        assertThat(eventIds(Map.of("taskId", taskId, "to", "2025-05-01T08:00:10Z")))
                .containsExactly(id(events.get(0)));
        assertThat(eventIds(Map.of("taskId", taskId, "from", "2025-05-01T10:00:05+02:00",
                "to", "2025-05-01T08:00:15Z"))).containsExactly(id(events.get(1)));
    }

    @Test
    void pagesFollowCursor() {
        String taskId = UUID.randomUUID().toString();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(AuditTopic.event(taskId, "step", T0.plusSeconds(i)));
        }
        // Two events at the same instant are ordered by event id. PostgreSQL compares uuid bytes unsigned, which is
        // the order of their lowercase hex strings.
        events.add(AuditTopic.event(taskId, "step", T0.plusSeconds(2)));
        publishAndAwait(taskId, events);
        List<String> expected = events.stream()
                .sorted(Comparator.comparing(AuditEvent::timestamp).thenComparing(event -> event.eventId().toString()))
                .map(AuditEventResourceTest::id)
                .toList();

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("taskId", taskId).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.when().get(PATH).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.eventId", String.class);
            pageSizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void defaultLimitIsHundred() {
        String taskId = UUID.randomUUID().toString();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            events.add(AuditTopic.event(taskId, "step", T0.plusMillis(i)));
        }
        publishAndAwait(taskId, events);

        JsonPath first = given().queryParam("taskId", taskId).when().get(PATH)
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(100);
        assertThat(first.getString("nextCursor")).isNotBlank();

        given().queryParam("taskId", taskId).queryParam("after", first.getString("nextCursor"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].eventId", equalTo(id(events.get(100))))
                .body("nextCursor", nullValue());
    }

    @Test
    void invalidLimitRejected() {
        for (String limit : List.of("0", "-5", "1001", "abc", "2.5")) {
            given().queryParam("limit", limit)
                    .when().get(PATH)
                    .then().statusCode(400)
                    .body("parameter", equalTo("limit"))
                    .body("message",
                            equalTo("invalid limit '" + limit + "': it must be a whole number from 1 to 1000"));
        }
        given().queryParam("limit", 1000).when().get(PATH).then().statusCode(200);
    }

    @Test
    void invalidTaskIdRejected() {
        given().queryParam("taskId", "not-a-uuid")
                .when().get(PATH)
                .then().statusCode(400)
                .body("parameter", equalTo("taskId"))
                .body("message", equalTo("invalid taskId 'not-a-uuid': it must be a UUID, for example "
                        + "3f2b8c1e-9d4a-4e7b-8a61-2c5d9e0f1a7b"));
    }

    @Test
    void invalidCursorRejected() {
        given().queryParam("after", "bm90LWEtY3Vyc29y")
                .when().get(PATH)
                .then().statusCode(400)
                .body("parameter", equalTo("after"))
                .body("message", containsString("nextCursor"));
        given().queryParam("after", "%%%")
                .when().get(PATH)
                .then().statusCode(400)
                .body("parameter", equalTo("after"));
    }

    @Test
    void invalidTimeRejected() {
        given().queryParam("from", "yesterday")
                .when().get(PATH)
                .then().statusCode(400)
                .body("parameter", equalTo("from"))
                .body("message", containsString("2025-01-31T12:00:00Z"));
        given().queryParam("to", "2025-05-01T08:00:00")
                .when().get(PATH)
                .then().statusCode(400)
                .body("parameter", equalTo("to"));
        given().queryParam("from", "2025-05-02T00:00:00Z").queryParam("to", "2025-05-01T00:00:00Z")
                .when().get(PATH)
                .then().statusCode(400)
                .body("parameter", equalTo("to"))
                .body("message", containsString("later than from"));
    }

    @Test
    void openApiDocumentsEndpoint() {
        JsonPath document = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();

        List<String> parameters = document.getList("paths.'/api/v1/audit-events'.get.parameters.name", String.class);
        assertThat(parameters).containsExactlyInAnyOrder(
                "taskId", "traceId", "action", "service", "outcome", "from", "to", "limit", "after");
        assertThat(document.getMap("paths.'/api/v1/audit-events'.get.responses")).containsKeys("200", "400");
        assertThat(document.getMap("components.schemas.AuditEventPage.properties"))
                .containsKeys("items", "nextCursor");
    }

    private void publishAndAwait(String taskId, List<AuditEvent> events) {
        events.forEach(topic::send);
        long receipts = events.stream().filter(event -> TrailActions.UPLOAD_ACCEPTED.equals(event.action())).count();
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.countByTarget(taskId) == events.size() + receipts);
    }

    private static List<String> eventIds(Map<String, String> query) {
        return given().queryParams(query)
                .when().get(PATH)
                .then().statusCode(200)
                .extract().jsonPath().getList("items.eventId", String.class);
    }

    private static AuditEvent withFields(AuditEvent event, String service, String outcome, String traceId) {
        return new AuditEvent(event.schemaVersion(), event.eventId(), traceId, service, event.action(), event.actor(),
                event.target(), outcome, event.durationMicros(), event.attributes(), event.timestamp());
    }

    private static String id(AuditEvent event) {
        return event.eventId().toString();
    }
}
