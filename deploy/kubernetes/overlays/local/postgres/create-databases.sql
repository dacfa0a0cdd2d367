-- One PostgreSQL server, a database per service: no service reads another's data.
-- Runs once, when the data volume is first created.
create database orders;
create database inventory;
create database payments;
create database kitchen;
create database delivery;
