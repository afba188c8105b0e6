package dev.arrears.platform.logging;

import dev.arrears.application.LogContext;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Copies {@link LogContext} (organisation id, action key) into each record's MDC on the thread
 * that logs, so the JSON formatter writes them as fields and the text format can show them.
 * Never filters anything out.
 */
@LoggingFilter(name = "arrears-context")
public final class LogContextFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            LogContext.current().forEach(ext::putMdc);
        }
        return true;
    }
}
