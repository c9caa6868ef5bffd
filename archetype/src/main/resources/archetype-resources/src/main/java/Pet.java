package ${package};

import java.math.BigDecimal;

/**
 * The image type of the table's pet items: attributes with these names are decoded into it, and
 * the others (such as the keys {@code PK} and {@code SK}) are ignored.
 *
 * @param userId the owner
 * @param name the pet's name
 * @param species such as {@code dog}
 * @param weightKg the weight, decoded exactly from the item's number
 */
public record Pet(String userId, String name, String species, BigDecimal weightKg) {}
