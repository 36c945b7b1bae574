package org.inspectflow.workflow.process;

import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal draws a case's process with bpmn-js, which needs the diagram (BPMN DI) of every element: a model edited
 * without laying it out again fails here.
 */
class BpmnDiagramTest {

	private static final String HOW_TO_FIX = "lay the models out again: npm --prefix workflow-service/bpmn-layout ci"
			+ " && npm --prefix workflow-service/bpmn-layout run layout";

	@ParameterizedTest
	@ValueSource(strings = { "CaseHandlingProcess", "PenaltyCaseProcess" })
	void everyElementHasItsShapeAndEveryFlowItsEdge(String process) throws Exception {
		BpmnModelInstance model;
		try (InputStream in = getClass().getResourceAsStream("/bpmn/" + process + ".bpmn")) {
			model = Bpmn.readModelFromStream(in);
		}
		Set<String> shapes = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map((shape) -> shape.getBpmnElement().getId())
			.collect(Collectors.toSet());
		Set<String> edges = model.getModelElementsByType(BpmnEdge.class)
			.stream()
			.map((edge) -> edge.getBpmnElement().getId())
			.collect(Collectors.toSet());
		Set<String> nodes = model.getModelElementsByType(FlowNode.class)
			.stream()
			.map(FlowNode::getId)
			.collect(Collectors.toSet());
		Set<String> flows = model.getModelElementsByType(SequenceFlow.class)
			.stream()
			.map(SequenceFlow::getId)
			.collect(Collectors.toSet());
		assertThat(shapes).as("shapes of %s; %s", process, HOW_TO_FIX).containsAll(nodes);
		assertThat(edges).as("edges of %s; %s", process, HOW_TO_FIX).containsAll(flows);
	}

}
