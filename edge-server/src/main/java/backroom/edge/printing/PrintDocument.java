package backroom.edge.printing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a print job prints, kept as JSON in its row so that any printer of the role, the backup
 * included, renders it for its own model when it sends it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Receipt.class, name = "receipt"),
        @JsonSubTypes.Type(value = KitchenSlip.class, name = "kitchen"),
        @JsonSubTypes.Type(value = DrawerKick.class, name = "drawer"),
        @JsonSubTypes.Type(value = TestPage.class, name = "test"),
        @JsonSubTypes.Type(value = PairingSlip.class, name = "pairing")})
public sealed interface PrintDocument permits Receipt, KitchenSlip, DrawerKick, TestPage, PairingSlip {

    /**
     * What the job keeps of this document once it is printed: itself, unless the document holds
     * something that must not outlive the print (a pairing slip's code).
     */
    default PrintDocument keptOncePrinted() {
        return this;
    }

    /** The job's kind as its row records it. */
    default String kind() {
        return switch (this) {
            case Receipt receipt -> "receipt";
            case KitchenSlip slip -> "kitchen";
            case DrawerKick kick -> "drawer";
            case TestPage page -> "test";
            case PairingSlip slip -> "pairing";
        };
    }
}
