package backroom.edge.access;

import backroom.edge.web.FieldError;
import backroom.edge.web.Json;
import backroom.edge.web.JsonBody;
import backroom.edge.web.Problem;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/sessions}: staff sign in with a PIN on a paired device, and sign out. */
public final class SessionService implements ApiRoutes.Resource {

    private final SignIns signIns;

    public SessionService(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.add(Method.POST, "/", Access.ANY_DEVICE, this::signIn)
                .delete("/current", Permission.SIGN_OUT, this::signOut);
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        SignInRequest body = JsonBody.read(req).as(SignInRequest.class);
        body.validate();
        Json.send(res, 201, signIns.signIn(Caller.of(req).device(), body.pin(), body.staffId()));
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        signIns.signOut(caller);
        Json.ok(res, Map.of("staffId", caller.staff().staffId(), "signedOut", true));
    }

    /** {@code staffId} is optional: a till that shows staff tiles sends it, and only that PIN is checked. */
    record SignInRequest(String pin, String staffId) {
        void validate() {
            List<FieldError> errors = new ArrayList<>();
            if (!Pins.wellFormed(pin)) {
                errors.add(new FieldError("pin", "must be 4 to 8 digits"));
            }
            if (staffId != null && (staffId.isBlank() || staffId.length() > 64)) {
                errors.add(new FieldError("staffId", "must name a staff member (at most 64 characters)"));
            }
            if (!errors.isEmpty()) {
                throw Problem.invalid(errors);
            }
        }
    }
}
