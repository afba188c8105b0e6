package dev.arrears.connector.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small SMTP server for the answers GreenMail does not give: a recipient refused for good, and a
 * message taken in whole whose answer never comes (the connection drops right after the data). It
 * listens on a free port and records every message it received in whole.
 */
public final class ScriptedSmtp implements AutoCloseable {

    /** The answer to a {@code RCPT TO} line, or to the end of the data ({@code null} = drop the connection). */
    public record Script(Function<String, String> rcpt, String afterData) {
    }

    private final ServerSocket socket;
    private final Thread thread;
    public final List<String> received = new CopyOnWriteArrayList<>();
    /** Every {@code RCPT TO} address the server was asked to take, refused or not. */
    public final List<String> recipientsAsked = new CopyOnWriteArrayList<>();

    public ScriptedSmtp(Script script) throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    serve(client, script);
                } catch (IOException e) {
                    // closed, or the client went away: the next connection is served afresh
                }
            }
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve(Socket client, Script script) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        say(out, "220 scripted.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                say(out, "250 scripted.test");
            } else if (upper.startsWith("MAIL FROM")) {
                say(out, "250 2.1.0 Ok");
            } else if (upper.startsWith("RCPT TO")) {
                recipientsAsked.add(line.substring(line.indexOf(':') + 1).trim());
                say(out, script.rcpt().apply(line.substring(line.indexOf(':') + 1).trim()));
            } else if (upper.startsWith("DATA")) {
                say(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder data = new StringBuilder();
                String dataLine;
                while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                    data.append(dataLine).append('\n');
                }
                received.add(data.toString());
                if (script.afterData() == null) {
                    return;   // the whole message was taken; the answer is lost
                }
                say(out, script.afterData());
            } else if (upper.startsWith("QUIT")) {
                say(out, "221 Bye");
                return;
            } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                say(out, "250 Ok");
            } else {
                say(out, "502 5.5.2 Command not recognised");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
