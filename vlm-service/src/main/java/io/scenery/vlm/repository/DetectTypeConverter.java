package io.scenery.vlm.repository;

import io.scenery.events.DetectType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link DetectType} as its lower-case wire name, the same value the REST API returns. */
@Converter
public class DetectTypeConverter implements AttributeConverter<DetectType, String> {

    @Override
    public String convertToDatabaseColumn(DetectType value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public DetectType convertToEntityAttribute(String column) {
        return column == null ? null : DetectType.parse(column);
    }
}
