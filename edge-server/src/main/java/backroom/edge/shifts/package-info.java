/**
 * Cash shifts on a register: opened with a float, closed with counted cash into a Z report.
 * A sale needs an open shift on its register; the sales room asks {@link backroom.edge.shifts.Shifts}.
 */
package backroom.edge.shifts;
