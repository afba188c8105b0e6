package dev.arrears.web.console;

import dev.arrears.application.console.NotAllowedException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The console's refusals as pages: 403 for what the user may not see or do, 404, 409 for a change the state does not allow. */
public class ConsoleErrors {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance refused(SignedIn.Frame frame, String message);
    }

    private final SignedIn signedIn;

    public ConsoleErrors(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    static Refusal notFound(String what) {
        return new Refusal(Response.Status.NOT_FOUND, "There is no such " + what + ".");
    }

    /** A change the user asked for that the input or the current state does not allow, said in the console's words. */
    static final class Refusal extends RuntimeException {
        final Response.Status status;

        Refusal(Response.Status status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Runs a change, turning the application's refusals of bad input (400) or a state that forbids it (409) into a page. */
    static <T> T attempt(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new Refusal(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            throw new Refusal(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(Response.Status.FORBIDDEN, e.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(Refusal e) {
        return page(e.status, e.getMessage());
    }

    private Response page(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.refused(signedIn.frame(""), message).render()).build();
    }
}
