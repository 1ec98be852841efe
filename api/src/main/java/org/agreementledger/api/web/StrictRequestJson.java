package org.agreementledger.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * What JSON the service reads, beyond application.yml's settings: text is well-formed Unicode (no
 * lone UTF-16 surrogate, which PostgreSQL cannot store), a decimal has a sane exponent (1E+2147483647
 * would take gigabytes to write out), and text is never made from a number or a boolean.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestJson {

    /** Far beyond any amount, and small enough that every check on the number stays cheap. */
    static final int MAX_DECIMAL_EXPONENT = 1000;

    @Bean
    Module wellFormedTextAndBoundedDecimals() {
        return new SimpleModule("strict-request-json")
                .addDeserializer(String.class, new WellFormedText())
                .addDeserializer(BigDecimal.class, new BoundedDecimal());
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noTextFromOtherScalars() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    private static final class WellFormedText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.codePoints().anyMatch(point -> Character.getType(point) == Character.SURROGATE)) {
                throw InvalidFormatException.from(parser, "text with a lone UTF-16 surrogate", text, String.class);
            }
            return text;
        }
    }

    private static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal decimal = super.deserialize(parser, context);
            if (decimal != null && Math.abs((long) decimal.precision() - decimal.scale()) > MAX_DECIMAL_EXPONENT) {
                throw InvalidFormatException.from(parser, "a number out of range", parser.getText(), BigDecimal.class);
            }
            return decimal;
        }
    }
}
