package dev.arrears.web.console;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.NewConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Users and the organisations assigned to them: for firm admins only. */
@Path("/console/users")
@Produces(MediaType.TEXT_HTML)
public class UsersPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance users(SignedIn.Frame frame, List<ConsoleAccounts.UserWithOrganisations> users,
                                             List<Organisation> organisations);
    }

    private final SignedIn signedIn;
    private final ConsoleAccounts accounts;
    private final OrganisationStore organisations;

    public UsersPage(SignedIn signedIn, ConsoleAccounts accounts, OrganisationStore organisations) {
        this.signedIn = signedIn;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @GET
    public TemplateInstance users() {
        ConsoleAccess access = signedIn.access();
        return Templates.users(signedIn.frame("users"), accounts.users(access), organisations.list());
    }

    @POST
    public Response create(@FormParam("username") String username, @FormParam("displayName") String displayName,
                           @FormParam("role") String role, @FormParam("password") String password) {
        ConsoleAccess access = signedIn.access();
        access.requireUserAdministration();
        ConsoleErrors.attempt(() -> accounts.createUser(access, new NewConsoleUser(username, displayName, role(role), password)));
        return Response.seeOther(URI.create("/console/users")).build();
    }

    @POST
    @Path("/assignments")
    public Response assign(@FormParam("username") String username, @FormParam("organisation") String organisation) {
        ConsoleAccess access = signedIn.access();
        access.requireUserAdministration();
        ConsoleErrors.attempt(() -> {
            accounts.assign(access, username, ConsoleIds.organisation(organisation));
            return username;
        });
        return Response.seeOther(URI.create("/console/users")).build();
    }

    private static ConsoleRole role(String text) {
        try {
            return ConsoleRole.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose a role: firm admin, accountant or viewer.");
        }
    }
}
