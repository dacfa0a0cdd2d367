package com.example.food.inventory.product;

import java.math.BigDecimal;

/**
 * What a reservation learns about a product it reserved: its name and price at that
 * moment.
 */
public record PricedItem(String sku, String name, BigDecimal unitPrice) {

}
