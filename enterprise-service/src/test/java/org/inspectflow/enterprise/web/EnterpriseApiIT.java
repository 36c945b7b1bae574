package org.inspectflow.enterprise.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.enterprise.importing.RegisterImport;
import org.inspectflow.support.test.Keycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register's API with real tokens from the real Keycloak: who may call what, and whose enterprises each caller
 * sees. An enterprise outside the caller's scope answers 404 (its existence is not confirmed); a role that may not
 * call an endpoint gets 403; both as problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnterpriseApiIT {

	static final String FUTIAN = "914403040000DM001P"; // enterprise1's

	static final String NANSHAN = "914403050000DM0029"; // enterprise2's

	static final String GUANGZHOU = org.inspectflow.enterprise.register.domain.SyntheticUscc.of("440106", 1);

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@BeforeEach
	void register(@Autowired RegisterImport importer) {
		String csv = "uscc,name,latitude,longitude,district,keyPollutantUnit,dischargePermitNumber\n"
				+ FUTIAN + ",福田示范电镀有限公司,22.521907,114.058911,440304,true,P-1\n"
				+ NANSHAN + ",南山示范印染有限公司,22.580310,113.951820,440305,false,\n"
				+ GUANGZHOU + ",天河示例有限公司,23.1291,113.3612,440106,false,\n";
		importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void officersSearchTheirDistrictAndSupervisorsTheirCity() {
		Reply supervisor = call(HttpMethod.GET, "/enterprises?size=200", "supervisor1", null);
		assertThat(supervisor.status()).as(supervisor.body()).isEqualTo(200);
		assertThat(supervisor.json().get("items").findValuesAsText("uscc")).contains(FUTIAN, NANSHAN)
			.doesNotContain(GUANGZHOU);
		Reply officer1 = call(HttpMethod.GET, "/enterprises?size=200", "officer1", null);
		assertThat(officer1.status()).as(officer1.body()).isEqualTo(200);
		assertThat(officer1.json().get("items").findValuesAsText("uscc")).contains(FUTIAN)
			.doesNotContain(NANSHAN, GUANGZHOU);
		assertThat(officer1.json().get("items").findValuesAsText("district")).containsOnly("440304");
		Reply officer2 = call(HttpMethod.GET, "/enterprises?size=200", "officer2", null);
		assertThat(officer2.json().get("items").findValuesAsText("uscc")).contains(NANSHAN).doesNotContain(FUTIAN);
		assertThat(call(HttpMethod.GET, "/enterprises?q=示范印染", "officer1", null).json().get("items").size())
			.as("南山's enterprise is not in 福田's register").isZero();
		Reply byName = call(HttpMethod.GET, "/enterprises?q=示范印染", "supervisor1", null);
		assertThat(byName.json().get("items").findValuesAsText("uscc")).containsExactly(NANSHAN);
		assertThat(call(HttpMethod.GET, "/enterprises?district=440305", "officer1", null).status())
			.as("another district").isEqualTo(403);
		Reply admin = call(HttpMethod.GET, "/enterprises?q=" + GUANGZHOU.substring(0, 17), "admin1", null);
		assertThat(admin.json().get("items").findValuesAsText("uscc")).containsExactly(GUANGZHOU);
		assertThat(call(HttpMethod.GET, "/enterprises/" + GUANGZHOU, "supervisor1", null).status())
			.as("another city's enterprise").isEqualTo(404);
		assertThat(call(HttpMethod.GET, "/enterprises/" + NANSHAN, "officer1", null).status())
			.as("another district's enterprise").isEqualTo(404);
		assertThat(call(HttpMethod.GET, "/enterprises/" + NANSHAN + "/compliance", "officer1", null).status())
			.as("another district's compliance history").isEqualTo(404);
		assertThat(call(HttpMethod.GET, "/enterprises/" + NANSHAN, "officer2", null).status()).isEqualTo(200);
	}

	@Test
	void anEnterpriseUserSeesOnlyItsOwnEnterprise() {
		Reply own = call(HttpMethod.GET, "/enterprises/" + FUTIAN, "enterprise1", null);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.json().get("name").asText()).isEqualTo("福田示范电镀有限公司");
		assertThat(call(HttpMethod.GET, "/enterprises/" + FUTIAN + "/compliance", "enterprise1", null).status())
			.isEqualTo(200);

		Reply other = call(HttpMethod.GET, "/enterprises/" + NANSHAN, "enterprise1", null);
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.contentType()).isEqualTo("application/problem+json");
		assertThat(call(HttpMethod.GET, "/enterprises/" + NANSHAN + "/compliance", "enterprise1", null).status())
			.isEqualTo(404);
		assertThat(call(HttpMethod.GET, "/enterprises/" + FUTIAN, "enterprise2", null).status()).isEqualTo(404);
		assertThat(call(HttpMethod.GET, "/enterprises", "enterprise1", null).status()).as("no search").isEqualTo(403);
		assertThat(call(HttpMethod.GET, "/enterprises/export", "enterprise1", null).status()).isEqualTo(403);
	}

	@Test
	void theIntegratorIsRefusedEverywhere() {
		String token = Keycloak.integratorToken();
		for (String path : new String[] { "/enterprises", "/enterprises/" + FUTIAN, "/enterprises/" + FUTIAN + "/compliance",
				"/enterprises/export" }) {
			Reply reply = call(HttpMethod.GET, path, token, true, null);
			assertThat(reply.status()).as(path).isEqualTo(403);
			assertThat(reply.contentType()).isEqualTo("application/problem+json");
		}
		assertThat(call(HttpMethod.PUT, "/enterprises/" + FUTIAN + "/positive-list", token, true, Map.of("reason", "x"))
			.status()).isEqualTo(403);
	}

	@Test
	void onlyAdminsImport() {
		String csv = "uscc,name,latitude,longitude,district\n" + GUANGZHOU + ",天河示例有限公司,23.1291,113.3612,440106\n"
				+ "914403040000DM0010,坏校验码有限公司,22.5,114.0,440304\n";
		Reply officer = upload("officer1", csv);
		assertThat(officer.status()).isEqualTo(403);
		Reply admin = upload("admin1", csv);
		assertThat(admin.status()).as(admin.body()).isEqualTo(200);
		assertThat(admin.json().get("stored").asLong()).isEqualTo(1);
		assertThat(admin.json().get("errors").get(0).get("line").asLong()).isEqualTo(3);
		Reply noHeader = upload("admin1", "a,b\n1,2\n");
		assertThat(noHeader.status()).isEqualTo(400);
		assertThat(noHeader.json().get("detail").asText()).contains("uscc");
	}

	@Test
	void supervisorsExportTheirCityOnly() {
		Reply city = call(HttpMethod.GET, "/enterprises/export?district=440304", "supervisor1", null);
		assertThat(city.status()).as(city.body()).isEqualTo(200);
		assertThat(city.body()).contains(FUTIAN).doesNotContain(NANSHAN).doesNotContain(GUANGZHOU);
		assertThat(call(HttpMethod.GET, "/enterprises/export?district=440106", "supervisor1", null).status())
			.isEqualTo(403);
		assertThat(call(HttpMethod.GET, "/enterprises/export?district=4403", "supervisor1", null).status())
			.isEqualTo(400);
		assertThat(call(HttpMethod.GET, "/enterprises/export", "officer1", null).status()).isEqualTo(403);
		assertThat(call(HttpMethod.GET, "/enterprises/export", "admin1", null).body()).contains(GUANGZHOU);
	}

	@Test
	void supervisorsManageThePositiveListWithAnAuditTrail() {
		call(HttpMethod.DELETE, "/enterprises/" + NANSHAN + "/positive-list", "admin1", Map.of("reason", "重置 reset"));
		Reply put = call(HttpMethod.PUT, "/enterprises/" + NANSHAN + "/positive-list", "supervisor1",
				Map.of("reason", "完成提标改造 upgraded its treatment"));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.json().get("positiveList").asBoolean()).isTrue();
		assertThat(put.json().get("changed").asBoolean()).isTrue();
		JsonNode last = put.json().get("history").get(put.json().get("history").size() - 1);
		assertThat(last.get("action").asText()).isEqualTo("ADDED");
		assertThat(last.get("by").asText()).isEqualTo("supervisor1");
		assertThat(last.get("reason").asText()).isEqualTo("完成提标改造 upgraded its treatment");
		assertThat(put.json().get("riskReasons").toString()).contains("positive list");

		assertThat(call(HttpMethod.PUT, "/enterprises/" + NANSHAN + "/positive-list", "officer1",
				Map.of("reason", "x")).status()).isEqualTo(403);
		assertThat(call(HttpMethod.PUT, "/enterprises/" + NANSHAN + "/positive-list", "supervisor1",
				Map.of("reason", " ")).status()).as("a reason is required").isEqualTo(400);
		assertThat(call(HttpMethod.PUT, "/enterprises/" + GUANGZHOU + "/positive-list", "supervisor1",
				Map.of("reason", "x")).status()).as("another city's").isEqualTo(404);
		assertThat(call(HttpMethod.GET, "/enterprises/not-a-uscc", "officer1", null).status()).isEqualTo(400);
	}

	@Test
	void theDailyRiskRecomputeIsScheduled(@Autowired org.springframework.scheduling.config.ScheduledTaskHolder tasks) {
		assertThat(tasks.getScheduledTasks()).extracting((task) -> task.getTask())
			.filteredOn(org.springframework.scheduling.config.CronTask.class::isInstance)
			.extracting((task) -> ((org.springframework.scheduling.config.CronTask) task).getExpression())
			.containsExactly("0 0 2 * * *");
	}

	private Reply upload(String user, String csv) {
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "enterprises.csv";
			}
		});
		return client().post()
			.uri("/enterprises/import")
			.headers((headers) -> headers.setBearerAuth(Keycloak.userToken(user)))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange(Reply::read);
	}

	private Reply call(HttpMethod method, String path, String user, Object body) {
		return call(method, path, Keycloak.userToken(user), true, body);
	}

	private Reply call(HttpMethod method, String path, String token, boolean bearer, Object body) {
		var request = client().method(method).uri(path).headers((headers) -> headers.setBearerAuth(token));
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange(Reply::read);
	}

	private RestClient client() {
		return RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

	record Reply(int status, String contentType, String body) {

		static Reply read(org.springframework.http.HttpRequest request,
				RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) throws java.io.IOException {
			MediaType type = response.getHeaders().getContentType();
			return new Reply(response.getStatusCode().value(),
					type == null ? null : type.getType() + "/" + type.getSubtype(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (java.io.IOException ex) {
				throw new AssertionError("not JSON: " + this.body, ex);
			}
		}

	}

}
