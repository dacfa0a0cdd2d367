/**
 * The menu and its stock: what can be ordered ({@code GET /products}) and how much of it
 * is there ({@code PUT /admin/products/{sku}/stock}). Plain SQL through
 * {@link com.example.food.inventory.product.Products}: the stock columns are also changed
 * by reservations with conditional updates, and one way of writing a row is easier to
 * reason about than an entity cache next to SQL.
 */
@NullMarked
package com.example.food.inventory.product;

import org.jspecify.annotations.NullMarked;
