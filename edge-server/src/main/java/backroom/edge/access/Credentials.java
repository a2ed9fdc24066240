package backroom.edge.access;

import java.util.Optional;

/** Turns the bearer token a request carries into its caller, if the token is good. */
@FunctionalInterface
public interface Credentials {

    Optional<Caller> caller(String token);
}
