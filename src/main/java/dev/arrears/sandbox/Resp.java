package dev.arrears.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to send: status, headers and body bytes. */
final class Resp {
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;

    Resp(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    static Resp json(int status, byte[] body) {
        return new Resp(status, "application/json; charset=utf-8", body);
    }

    static Resp text(int status, String text) {
        return new Resp(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static Resp empty(int status) {
        return new Resp(status, null, null);
    }

    Resp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
