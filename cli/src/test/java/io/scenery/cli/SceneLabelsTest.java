package io.scenery.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SceneLabelsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void longListEndsWithCountOfRest() {
        ArrayNode elements = json.createArrayNode();
        for (int i = 1; i <= 5; i++) {
            elements.addObject().put("type", "button").put("label", "Item " + i);
        }
        elements.addObject().put("type", "icon");

        assertThat(SceneryCli.labels(elements))
                .isEqualTo(": button 'Item 1', button 'Item 2', button 'Item 3', button 'Item 4', 2 more");
    }

    @Test
    void shortListHasNoCount() {
        ArrayNode elements = json.createArrayNode();
        elements.addObject().put("type", "input").put("label", "Email");

        assertThat(SceneryCli.labels(elements)).isEqualTo(": input 'Email'");
    }
}
