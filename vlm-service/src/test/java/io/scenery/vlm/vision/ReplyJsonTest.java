package io.scenery.vlm.vision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyJsonTest {

    @Test
    void unclosedFenceRead() {
        ReplyJson.Parsed parsed = ReplyJson.parse("```json\n{\"elements\":[{\"type\":\"tab\"}]}").orElseThrow();

        assertThat(parsed.repaired()).isFalse();
        assertThat(parsed.json().at("/elements/0/type").asText()).isEqualTo("tab");
    }

    @Test
    void bracketsInStringsIgnored() {
        ReplyJson.Parsed parsed = ReplyJson.parse("{\"elements\":[{\"label\":\"a ] } b\",\"type\":\"link\"}]} done")
                .orElseThrow();

        assertThat(parsed.json().at("/elements/0/label").asText()).isEqualTo("a ] } b");
    }

    @Test
    void truncatedInsideNestedBoxCutToLastObject() {
        ReplyJson.Parsed parsed = ReplyJson.parse("{\"elements\":[{\"type\":\"input\",\"box\":{\"x\":1,\"y\":2,"
                + "\"width\":3,\"height\":4}},{\"type\":\"button\",\"box\":{\"x\":5,").orElseThrow();

        assertThat(parsed.repaired()).isTrue();
        assertThat(parsed.json().get("elements")).hasSize(1);
    }

    @Test
    void noJsonEmpty() {
        assertThat(ReplyJson.parse("I cannot see any controls.")).isEmpty();
        assertThat(ReplyJson.parse("{\"elements\":[")).isEmpty();
    }
}
