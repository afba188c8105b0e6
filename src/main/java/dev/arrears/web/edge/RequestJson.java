package dev.arrears.web.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Request bodies are bounded while they are read, before any code (or message) sees a value: an
 * amount with more than {@link #MAX_SCALE} decimals or {@link #MAX_INTEGER_DIGITS} digits before the
 * point, and text longer than {@link #MAX_TEXT} characters or holding control characters, are
 * refused with a message that names the field. {@code 1e-999999999} is a short number whose plain
 * form has a billion digits; it must never reach {@code toPlainString}.
 */
@Singleton
public class RequestJson implements ObjectMapperCustomizer {

    static final int MAX_SCALE = 4;
    static final int MAX_INTEGER_DIGITS = 12;
    static final int MAX_TEXT = 1000;

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule bounds = new SimpleModule("arrears-request-bounds");
        bounds.addDeserializer(BigDecimal.class, new BoundedAmount());
        bounds.addDeserializer(String.class, new CleanText());
        mapper.registerModule(bounds);
    }

    /** Checks run only on scale and precision, never on the digits themselves. */
    static final class BoundedAmount extends StdScalarDeserializer<BigDecimal> {
        BoundedAmount() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw new FieldRejected(p, "must be a number");
            }
            BigDecimal value = p.getDecimalValue();
            if (value.scale() > MAX_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                throw new FieldRejected(p, "must be a number below 10^" + MAX_INTEGER_DIGITS + " with at most "
                        + MAX_SCALE + " decimals");
            }
            return value;
        }
    }

    /** Line breaks and tabs are kept (notes, reasons); other control characters are refused. */
    static final class CleanText extends StdScalarDeserializer<String> {
        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new FieldRejected(p, "must be text");
            }
            String text = p.getText();
            if (text.length() > MAX_TEXT) {
                throw new FieldRejected(p, "is longer than " + MAX_TEXT + " characters");
            }
            if (TextChecks.hasControl(text, true)) {
                throw new FieldRejected(p, "contains control characters");
            }
            return text;
        }
    }
}
