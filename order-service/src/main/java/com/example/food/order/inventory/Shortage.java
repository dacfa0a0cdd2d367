package com.example.food.order.inventory;

/** A line inventory could not reserve, as inventory reported it. */
public record Shortage(String sku, int requested, int available) {

}
