package io.scenery.vlm.vision;

import io.scenery.vlm.detection.ElementType;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps the type names vision models write to element types: the wire names and their common synonyms. */
public final class ElementTypes {

    private static final Map<String, ElementType> SYNONYMS = Map.ofEntries(
            Map.entry("textbox", ElementType.INPUT), Map.entry("text_box", ElementType.INPUT),
            Map.entry("textfield", ElementType.INPUT), Map.entry("text_field", ElementType.INPUT),
            Map.entry("edittext", ElementType.INPUT), Map.entry("edit_text", ElementType.INPUT),
            Map.entry("field", ElementType.INPUT), Map.entry("input_field", ElementType.INPUT),
            Map.entry("search", ElementType.INPUT), Map.entry("search_box", ElementType.INPUT),
            Map.entry("textarea", ElementType.INPUT), Map.entry("password", ElementType.INPUT),
            Map.entry("check_box", ElementType.CHECKBOX), Map.entry("radio_button", ElementType.RADIO),
            Map.entry("radiobutton", ElementType.RADIO), Map.entry("toggle", ElementType.SWITCH),
            Map.entry("select", ElementType.DROPDOWN), Map.entry("combobox", ElementType.DROPDOWN),
            Map.entry("combo_box", ElementType.DROPDOWN), Map.entry("spinner", ElementType.DROPDOWN),
            Map.entry("menu", ElementType.DROPDOWN), Map.entry("picker", ElementType.DROPDOWN),
            Map.entry("hyperlink", ElementType.LINK), Map.entry("anchor", ElementType.LINK),
            Map.entry("image_button", ElementType.BUTTON), Map.entry("imagebutton", ElementType.BUTTON),
            Map.entry("icon_button", ElementType.BUTTON), Map.entry("fab", ElementType.BUTTON),
            Map.entry("tab_item", ElementType.TAB), Map.entry("label", ElementType.TEXT),
            Map.entry("static_text", ElementType.TEXT), Map.entry("textview", ElementType.TEXT),
            Map.entry("heading", ElementType.TEXT), Map.entry("title", ElementType.TEXT),
            Map.entry("paragraph", ElementType.TEXT), Map.entry("picture", ElementType.IMAGE),
            Map.entry("img", ElementType.IMAGE), Map.entry("photo", ElementType.IMAGE),
            Map.entry("imageview", ElementType.IMAGE), Map.entry("logo", ElementType.IMAGE));

    /** Types that a user acts on. */
    private static final Set<ElementType> INTERACTIVE = Set.of(ElementType.BUTTON, ElementType.INPUT,
            ElementType.CHECKBOX, ElementType.RADIO, ElementType.SWITCH, ElementType.DROPDOWN, ElementType.LINK,
            ElementType.TAB, ElementType.ICON);

    private ElementTypes() {
    }

    /** Returns the element type a model's type name stands for, or empty when it is unknown. */
    public static Optional<ElementType> of(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        for (ElementType type : ElementType.values()) {
            if (type.wireName().equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.ofNullable(SYNONYMS.get(key));
    }

    public static boolean interactive(ElementType type) {
        return INTERACTIVE.contains(type);
    }
}
