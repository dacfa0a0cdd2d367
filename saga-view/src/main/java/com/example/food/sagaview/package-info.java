/**
 * The saga view: a page (static/saga-view/) that places an order and follows it live, and the small
 * admin proxy behind it, through which the browser reaches the other four services' admin APIs
 * without leaving order-service's origin (docs/saga-view.md).
 */
@NullMarked
package com.example.food.sagaview;

import org.jspecify.annotations.NullMarked;
