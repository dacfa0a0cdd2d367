package com.example.food.infrastructure.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an oversized request body with 413 before anything reads it. Tomcat limits only
 * form posts by itself; a JSON body would otherwise be read whole into memory, however
 * large. A body of unknown length (chunked) cannot be judged up front, so it is refused
 * with 411: every client of this API (curl, browsers, Feign) sends a Content-Length.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final JsonMapper json = JsonMapper.builder().build();

	RequestSizeLimit(WebProperties properties) {
		this.maxBytes = properties.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > maxBytes) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request body too large",
					"The request body has " + length + " bytes; at most " + maxBytes + " are accepted.");
			return;
		}
		if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			refuse(response, HttpStatus.LENGTH_REQUIRED, "length-required", "Content-Length required",
					"Send the request body with a Content-Length header; bodies of unknown length are not accepted.");
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemDetailsAdvice.type(type));
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
