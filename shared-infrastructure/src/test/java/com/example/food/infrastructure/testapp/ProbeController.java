package com.example.food.infrastructure.testapp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.food.infrastructure.web.ProblemException;

/** Endpoints that fail in each of the ways the shared error model must answer. */
@RestController
class ProbeController {

	record ProbeRequest(@NotBlank String name, @NotEmpty List<@Valid Item> items) {
	}

	record Item(@NotBlank String sku, @Min(1) @Max(20) int quantity) {
	}

	static class ThingShort extends ProblemException {

		ThingShort() {
			super(HttpStatus.CONFLICT, "thing-short", "Thing short", "Not enough things.",
					Map.of("things", List.of("A", "B")));
		}

		@Override
		public HttpHeaders headers() {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, "7");
			return headers;
		}

	}

	@PostMapping("/probe")
	Map<String, Object> accept(@Valid @RequestBody ProbeRequest request) {
		return Map.of("accepted", request.items().size());
	}

	@GetMapping("/probe/problem")
	void problem() {
		throw new ThingShort();
	}

	@GetMapping("/probe/bug")
	void bug() {
		throw new IllegalStateException("secret internal detail");
	}

	@GetMapping("/probe/items/{id}")
	Map<String, Object> item(@PathVariable UUID id) {
		return Map.of("id", id);
	}

	@GetMapping("/admin/probe")
	Map<String, Object> admin() {
		return Map.of("admin", true);
	}

}
