package com.example.food.inventory.reservation;

import java.math.BigDecimal;

/**
 * One SKU of a reservation, with its name and unit price as they were when it was
 * reserved.
 */
public record ReservationLine(String sku, String name, int quantity, BigDecimal unitPrice) {

}
