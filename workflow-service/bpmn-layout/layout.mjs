// Lays out every BPMN model in the given folder in place: the process semantics stay as written, the diagram
// (BPMNDiagram) is generated anew by bpmn-auto-layout. The models are written by hand without <incoming>/<outgoing>
// children, which the layout needs, so they are linked from the sequence flows first.
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import fs from 'node:fs';
import path from 'node:path';

const folder = process.argv[2];
const moddle = new BpmnModdle();

function unlink(container) {
  for (const element of container.flowElements || []) {
    if (element.incoming) element.incoming = [];
    if (element.outgoing) element.outgoing = [];
    if (element.flowElements) unlink(element);
  }
}

function link(container) {
  for (const element of container.flowElements || []) {
    if (element.$type === 'bpmn:SequenceFlow') {
      const outgoing = (element.sourceRef.outgoing ||= []);
      if (!outgoing.includes(element)) outgoing.push(element);
      const incoming = (element.targetRef.incoming ||= []);
      if (!incoming.includes(element)) incoming.push(element);
    }
    if (element.flowElements) link(element);
  }
}

for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.bpmn')).sort()) {
  const target = path.join(folder, file);
  const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(target, 'utf8'));
  if (warnings.length) {
    throw new Error(`${file}: ${warnings.map((warning) => warning.message).join('; ')}`);
  }
  rootElement.diagrams = [];
  const processes = rootElement.rootElements.filter((element) => element.$type === 'bpmn:Process');
  processes.forEach(unlink);
  processes.forEach(link);
  const { xml } = await moddle.toXML(rootElement, { format: true });
  const laidOut = await layoutProcess(xml);
  fs.writeFileSync(target, laidOut.endsWith('\n') ? laidOut : laidOut + '\n');
  const shapes = (laidOut.match(/<bpmndi:BPMNShape/g) || []).length;
  const edges = (laidOut.match(/<bpmndi:BPMNEdge/g) || []).length;
  console.log(`${file}: ${shapes} shapes, ${edges} edges`);
}
