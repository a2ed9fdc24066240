package backroom.edge.access;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads who did something from a row joined to the staff and devices tables. */
public final class ActorColumns {

    private ActorColumns() {
    }

    /** Columns staff_id, staff_name, staff_role, device_id, device_name; null for rows from before staff sign-in existed. */
    public static Actor read(ResultSet rs) throws SQLException {
        String deviceId = rs.getString("device_id");
        if (deviceId == null) {
            return null;
        }
        String role = rs.getString("staff_role");
        return new Actor(rs.getString("staff_id"), rs.getString("staff_name"), role == null ? null : Role.fromWire(role).orElseThrow(),
                deviceId, rs.getString("device_name"));
    }
}
