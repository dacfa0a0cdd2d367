package com.example.food.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The order is over without a meal. Inventory releases, payment refunds if it charged, the
 * kitchen drops its ticket; the lines travel along so none of them has to ask what was ordered.
 */
public record OrderCancelled(CancellationReason reason, @Nullable String detail, List<OrderLine> lines)
        implements FoodEvent {

    public OrderCancelled {
        Require.present(reason, "reason");
        lines = Require.notEmpty(lines, "lines");
    }
}
