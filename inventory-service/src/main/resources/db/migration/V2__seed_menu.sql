-- A small menu, so that the system can be used the moment it starts.
insert into product (sku, name, price, on_hand) values
    ('PIZZA-MARGHERITA', 'Pizza Margherita',         9.50, 100),
    ('PIZZA-DIAVOLA',    'Pizza Diavola',           11.00, 100),
    ('PASTA-CARBONARA',  'Spaghetti Carbonara',     10.50, 100),
    ('LASAGNA',          'Lasagna al Forno',        12.00,  50),
    ('TIRAMISU',         'Tiramisu',                 6.00,  40),
    ('LEMONADE',         'Homemade Lemonade',        3.50, 200);
