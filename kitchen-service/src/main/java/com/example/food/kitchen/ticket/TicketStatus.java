package com.example.food.kitchen.ticket;

/**
 * Where a ticket stands. A ticket is born ACCEPTED or REJECTED (the kitchen decides at
 * once); ACCEPTED becomes PREPARED when its time comes, or CANCELLED if the order is
 * cancelled first. REJECTED, PREPARED and CANCELLED are ends.
 */
public enum TicketStatus {

	ACCEPTED, REJECTED, PREPARED, CANCELLED

}
