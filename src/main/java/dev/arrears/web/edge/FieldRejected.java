package dev.arrears.web.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A body field refused while it was read; the message says which field and why, never its value. */
final class FieldRejected extends JsonMappingException {

    private final String why;

    FieldRejected(JsonParser parser, String why) {
        super(parser, why);
        this.why = why;
    }

    String why() {
        return why;
    }
}
