@NullMarked
package com.example.food.infrastructure.web;

import org.jspecify.annotations.NullMarked;
