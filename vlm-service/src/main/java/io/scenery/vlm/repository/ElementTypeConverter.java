package io.scenery.vlm.repository;

import io.scenery.vlm.detection.ElementType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ElementType} as its lower-case wire name, the same value the REST API returns. */
@Converter
public class ElementTypeConverter implements AttributeConverter<ElementType, String> {

    @Override
    public String convertToDatabaseColumn(ElementType value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public ElementType convertToEntityAttribute(String column) {
        return column == null ? null : ElementType.fromWireName(column);
    }
}
