package io.scenery.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the published AsyncAPI document and the Java event records in step, field by field. */
class AsyncApiContractTest {

    @ParameterizedTest
    @ValueSource(classes = {VideoUploaded.class, ScenesReady.class, AnalysisRequested.class, AnalysisProgress.class,
            AuditEvent.class, SceneRef.class, SlicingStats.class, SlicingParameters.class})
    void schemaMatchesRecord(Class<? extends Record> type) throws IOException {
        JsonNode schema = loadSchemas().path(type.getSimpleName());
        assertThat(schema.isMissingNode()).as("schema %s in asyncapi.yaml", type.getSimpleName()).isFalse();

        Set<String> documented = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> declared = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("properties of %s", type.getSimpleName()).isEqualTo(declared);
    }

    @ParameterizedTest
    @ValueSource(strings = {Topics.VIDEO_UPLOADED, Topics.SCENES_READY, Topics.ANALYSIS_REQUESTS,
            Topics.ANALYSIS_PROGRESS, Topics.AUDIT_EVENTS})
    void topicIsDocumented(String topic) throws IOException {
        Set<String> addresses = new TreeSet<>();
        load().path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).contains(topic);
    }

    private static JsonNode loadSchemas() throws IOException {
        return load().path("components").path("schemas");
    }

    private static JsonNode load() throws IOException {
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/META-INF/asyncapi.yaml")) {
            assertThat(in).as("META-INF/asyncapi.yaml on the classpath").isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }
}
