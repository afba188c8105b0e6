package dev.arrears.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** Streams JSON straight from the ledger's compact records, and parses request bodies. */
final class SandboxJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxJson() {
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonNode parse(byte[] body) throws BadRequest {
        if (body.length == 0) {
            throw new BadRequest("empty request body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("request body is not JSON: " + e.getMessage());
        }
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal money(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits);
    }

    static long minor(BigDecimal amount, int digits) {
        return amount.setScale(digits, java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** A request the sandbox cannot make sense of; each API turns it into its own error body. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }
}
