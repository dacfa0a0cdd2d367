-- A customer's or a deadline's cancellation is a request the kitchen answers: meanwhile the order is
-- CANCELLING (a semantic lock), and the facts that still arrive move resume_status instead, the
-- status a refused request returns the order to. Null whenever the order is not CANCELLING.
alter table customer_order add column resume_status varchar(32);
alter table customer_order add constraint customer_order_resume_status_only_while_cancelling
    check ((status = 'CANCELLING') = (resume_status is not null));
