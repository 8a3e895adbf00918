package io.scenery.vlm.repository;

import io.scenery.vlm.detection.ElementSource;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ElementSource} as its lower-case wire name, the same value the REST API returns. */
@Converter
public class ElementSourceConverter implements AttributeConverter<ElementSource, String> {

    @Override
    public String convertToDatabaseColumn(ElementSource value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public ElementSource convertToEntityAttribute(String column) {
        return column == null ? null : ElementSource.fromWireName(column);
    }
}
