/**
 * The saga view: a page (static/saga-view/) that places an order and follows it live, and
 * the small admin proxy behind it, through which the browser reaches the other four
 * services' admin APIs without leaving order-service's origin (docs/saga-view.md).
 * <p>
 * A module of its own, so that order-service's code is about orders only. Order-service
 * serves it by naming it: {@code @Import(SagaViewConfiguration.class)} on
 * {@code OrderServiceApplication}. That one line is where a reader of order-service finds
 * where {@code /saga-view/} and {@code /admin/system/**} come from, and
 * {@link SagaViewConfiguration} lists everything they bring. An auto-configuration would
 * switch the view on by the jar's presence alone, with nothing in order-service's code to
 * lead there: right for shared-infrastructure, which every service must have, but not for
 * a feature one service chooses to serve.
 */
@NullMarked
package com.example.food.sagaview;

import org.jspecify.annotations.NullMarked;
