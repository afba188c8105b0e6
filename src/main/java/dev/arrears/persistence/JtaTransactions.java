package dev.arrears.persistence;

import dev.arrears.application.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** {@link Transactions} on the JTA transaction manager every store joins. */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    @Override
    public <T> T inOne(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }
}
