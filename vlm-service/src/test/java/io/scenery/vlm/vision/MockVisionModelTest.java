package io.scenery.vlm.vision;

import io.scenery.events.DetectType;
import io.scenery.testing.MockModelServer.Reply;
import io.scenery.testing.MockVisionModel;
import io.scenery.vlm.config.BoxScale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in model of local runs recognises the service's own prompts, so a changed prompt fails here first. */
class MockVisionModelTest {

    @Test
    void detectionPromptGetsElements() {
        Reply control = MockVisionModel.reply(request(VisionPrompts.detection(DetectType.CONTROL, BoxScale.PIXELS,
                1280, 800)));
        Reply text = MockVisionModel.reply(request(VisionPrompts.detection(DetectType.TEXT, BoxScale.PIXELS,
                1280, 800)));

        assertThat(control.status()).isEqualTo(200);
        assertThat(control.body()).contains("mock button").contains("mock input").doesNotContain("mock text")
                .contains("[64,40,320,96]");
        assertThat(text.body()).contains("mock text").doesNotContain("mock button");
    }

    @Test
    void labellingPromptGetsOddIds() {
        Reply reply = MockVisionModel.reply(request(VisionPrompts.labelling(4)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("mock label 1").contains("mock label 3").doesNotContain("mock label 2")
                .doesNotContain("mock label 4");
    }

    @Test
    void unknownPromptRejected() {
        assertThat(MockVisionModel.reply(request("describe this picture")).status()).isEqualTo(400);
    }

    /** Wraps a prompt as the JSON string it is inside a chat-completions request body. */
    private static String request(String prompt) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
                + prompt.replace("\"", "\\\"") + "\"}]}]}";
    }
}
