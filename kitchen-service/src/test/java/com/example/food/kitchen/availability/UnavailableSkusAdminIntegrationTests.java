package com.example.food.kitchen.availability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.example.food.infrastructure.testsupport.HttpTestClient;
import com.example.food.infrastructure.testsupport.HttpTestClient.Response;
import com.example.food.kitchen.KitchenIntegrationTestSupport;

import static com.example.food.infrastructure.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch /admin/kitchen/unavailable-skus: who may use it, and what each call leaves
 * in the list.
 */
class UnavailableSkusAdminIntegrationTests extends KitchenIntegrationTestSupport {

	private static final String PATH = "/admin/kitchen/unavailable-skus";

	@AfterEach
	void everythingAvailableAgain() {
		admin().putJson(PATH, "[]");
	}

	@Test
	void refusesEveryoneWithoutTheAdminLogin() {
		assertThat(http().get(PATH).status()).isEqualTo(401);
		assertThat(http().putJson(PATH, "[\"LASAGNA\"]").status()).isEqualTo(401);
		assertThat(http().putJson(PATH + "/LASAGNA", "").status()).isEqualTo(401);
		assertThat(http().delete(PATH + "/LASAGNA").status()).isEqualTo(401);
		assertThat(http().as("admin", "wrong").get(PATH).status()).isEqualTo(401);
		assertThat(admin().get(PATH).json().isEmpty()).as("nothing changed").isTrue();
	}

	@Test
	void replacesTheWholeListSortedAndWithoutRepeats() {
		Response replaced = admin().putJson(PATH, "[\"TIRAMISU\", \"LASAGNA\", \"TIRAMISU\"]");

		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.json().valueStream().map(node -> node.asString())).containsExactly("LASAGNA", "TIRAMISU");
		assertThat(admin().putJson(PATH, "[\"LEMONADE\"]").json().valueStream().map(node -> node.asString()))
			.containsExactly("LEMONADE");
		assertThat(admin().get(PATH).json().valueStream().map(node -> node.asString())).containsExactly("LEMONADE");
	}

	@Test
	void marksOneSkuUnavailableAndAvailableAgainIdempotently() {
		admin().putJson(PATH + "/LASAGNA", "");
		Response twice = admin().putJson(PATH + "/LASAGNA", "");

		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.json().valueStream().map(node -> node.asString())).containsExactly("LASAGNA");
		assertThat(admin().delete(PATH + "/LASAGNA").json().isEmpty()).isTrue();
		assertThat(admin().delete(PATH + "/LASAGNA").status()).isEqualTo(200);
	}

	@Test
	void refusesABlankSkuAndABodyThatIsNotAList() {
		assertProblem(admin().putJson(PATH, "[\"\"]"), 400, "invalid-request");
		assertProblem(admin().putJson(PATH, "\"LASAGNA\""), 400, "malformed-request");
		assertThat(admin().get(PATH).json().isEmpty()).as("nothing changed").isTrue();
	}

	private HttpTestClient admin() {
		return http().asAdmin();
	}

}
