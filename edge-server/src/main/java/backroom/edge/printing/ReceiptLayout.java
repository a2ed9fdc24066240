package backroom.edge.printing;

import backroom.edge.profiles.PrinterProfile;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A receipt laid out for one printer model. */
final class ReceiptLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReceiptLayout() {
    }

    static byte[] render(Receipt receipt, PrinterProfile profile, ZoneId zone, String heading) {
        Slip slip = new Slip(profile);
        if (heading != null) {
            slip.line(Slip.INVERTED, heading);
        }
        String money = receipt.currency();
        slip.line(Slip.HEADING, receipt.storeName())
                .line(Slip.CENTERED, "Receipt " + receipt.receiptNumber())
                .line(Slip.CENTERED, TIME.format(receipt.soldAt().atZone(zone)))
                .line(Slip.CENTERED, "Register " + receipt.registerId() + (receipt.staffName() == null ? "" : "  Staff " + receipt.staffName()))
                .line(Slip.CENTERED, served(receipt))
                .rule();
        for (Receipt.Line line : receipt.lines()) {
            slip.columns(Slip.NORMAL, line.quantity() + " x " + line.name(), MoneyText.of(line.unitPrice() * line.quantity(), money));
            if (line.variant() != null) {
                slip.line("    " + line.variant());
            }
            line.modifiers().forEach(modifier -> slip.line("    + " + modifier));
            if (line.notes() != null && !line.notes().isBlank()) {
                slip.line("    * " + line.notes());
            }
            if (line.discount() != 0) {
                slip.columns(Slip.NORMAL, "    Discount", MoneyText.of(-line.discount(), money));
            }
        }
        slip.rule().columns(Slip.NORMAL, "Subtotal", MoneyText.of(receipt.subtotal(), money));
        if (receipt.discountTotal() != 0) {
            slip.columns(Slip.NORMAL, "Discounts", MoneyText.of(-receipt.discountTotal(), money));
        }
        for (Receipt.TaxLine tax : receipt.taxes()) {
            slip.columns(Slip.NORMAL, taxName(tax), MoneyText.of(tax.amount(), money));
        }
        if (receipt.serviceCharge() != 0) {
            slip.columns(Slip.NORMAL, "Service charge", MoneyText.of(receipt.serviceCharge(), money));
        }
        if (receipt.rounding() != 0) {
            slip.columns(Slip.NORMAL, "Rounding", MoneyText.of(receipt.rounding(), money));
        }
        slip.columns(Slip.BOLD, "TOTAL " + money, MoneyText.of(receipt.grandTotal(), money));
        receipt.payments().forEach(payment -> {
            slip.columns(Slip.NORMAL, "Paid " + payment.method(), MoneyText.of(payment.amount(), money));
            if (payment.tip() > 0) {
                slip.columns(Slip.NORMAL, "Tip " + payment.method(), MoneyText.of(payment.tip(), money));
            }
        });
        if (receipt.change() != 0) {
            slip.columns(Slip.BOLD, "Change", MoneyText.of(receipt.change(), money));
        }
        return slip.rule()
                .line(Slip.CENTERED, "Ledger entry " + receipt.ledgerSeq())
                .qr(receipt.qrPayload())
                .line(Slip.CENTERED, "Thank you")
                .finish();
    }

    private static String served(Receipt receipt) {
        String type = receipt.orderType() == null ? "" : receipt.orderType().replace('_', ' ');
        return receipt.tableId() == null ? type : type + ", table " + receipt.tableId();
    }

    /** The tax as the catalog names it, with its rate and whether it is in the prices where the name does not say. */
    static String taxName(Receipt.TaxLine tax) {
        String rate = percent(tax.rateBp());
        String name = tax.name().contains(rate) ? tax.name() : tax.name() + " " + rate;
        return tax.inclusive() && !name.toLowerCase(Locale.ROOT).contains("incl") ? name + " (included)" : name;
    }

    /** Basis points as a percentage: 1000 is 10%, 1150 is 11.5%. */
    static String percent(int basisPoints) {
        return basisPoints % 100 == 0 ? basisPoints / 100 + "%" : String.format(Locale.ROOT, "%d.%02d%%", basisPoints / 100, basisPoints % 100)
                .replaceAll("0%$", "%");
    }
}
