package dev.arrears.files.templates;

import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import java.util.Optional;

/** Prints an optional value as the value itself, or as nothing when it is absent. */
final class OptionalResultMapper implements ResultMapper {

    @Override
    public boolean appliesTo(Origin origin, Object result) {
        return result instanceof Optional<?>;
    }

    @Override
    public String map(Object result, io.quarkus.qute.Expression expression) {
        return ((Optional<?>) result).map(Object::toString).orElse("");
    }
}
