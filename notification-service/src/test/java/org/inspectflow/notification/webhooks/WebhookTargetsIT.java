package org.inspectflow.notification.webhooks;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** With private targets not allowed (the default): loopback, link-local and private URLs are refused with 400. */
@SpringBootTest(properties = "inspectflow.notification.listeners.auto-startup=false")
@AutoConfigureMockMvc
@DirtiesContext
class WebhookTargetsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Test
	void loopbackLinkLocalAndPrivateTargetsAreRefusedWithAClearProblem() throws Exception {
		for (String url : new String[] { "http://localhost:9000/hook", "http://127.0.0.1/hook",
				"http://169.254.169.254/latest/meta-data", "https://10.0.0.5/hook", "https://192.168.10.1/hook",
				"http://[::1]/hook" }) {
			var response = this.mvc
				.perform(post("/webhooks").with(WebhooksIT.integrator("integrator-a"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(this.json.writeValueAsString(Map.of("url", url))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(url).isEqualTo(400);
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(this.json.readTree(response.getContentAsString()).get("detail").asText()).as(url)
				.containsAnyOf("loopback", "link-local", "private")
				.contains("only to public addresses");
		}
	}

}
