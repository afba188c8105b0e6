package dev.arrears.web.console;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.policy.PolicyEditing;
import java.util.List;

/** What the three document editors (policies, organisation settings, templates) read from their forms alike. */
final class EditorForms {

    private EditorForms() {
    }

    /** Browsers send a textarea's lines with CR LF; the files (and their versions) use LF. */
    static String text(String content) {
        return content == null ? "" : content.replace("\r\n", "\n");
    }

    static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    /** A refused save's problems, one line each, as the editor lists them. */
    static List<String> lines(PolicyEditing.Refused refused) {
        return refused.problems().stream().map(Object::toString).toList();
    }

    /** The organisations this user may read, for an editor's choice of organisation. */
    static List<Organisation> readable(OrganisationStore organisations, ConsoleAccess access) {
        return organisations.list().stream().filter(o -> access.canRead(o.id())).toList();
    }
}
