// The npm fhirpath engine (R4 model) on screener's exported forms, for
// tests/render/test_sdc_invariants.py. Reads JSON on stdin, writes JSON on stdout:
//   {"check": [form, ...], "invariants": [...]}  -> the invariants each form breaks
//   {"calculate": form, "responses": [...]}       -> each response's calculated result items,
//      as a filler computes them: root variables in order, then each calculatedExpression.
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const WHERE = {resource: '', item: 'repeat(item)', url: 'url', linkId: 'repeat(item).linkId'};

function broken(form, invariants) {
  const found = [];
  for (const rule of invariants) {
    const nodes = WHERE[rule.context];
    const whole = nodes ? `${nodes}.all(${rule.expression})` : rule.expression;
    const result = fhirpath.evaluate(form, whole, {resource: form}, r4);
    if (!(result.length === 1 && result[0] === true)) found.push(rule.key);
  }
  return found;
}

function calculate(form, response) {
  const env = {resource: response, rootResource: response};
  for (const extension of form.extension || []) {
    if (extension.url === 'http://hl7.org/fhir/StructureDefinition/variable') {
      const expression = extension.valueExpression;
      env[expression.name] = fhirpath.evaluate(response, expression.expression, env, r4);
    }
  }
  const found = {};
  for (const item of form.item) {
    for (const extension of item.extension || []) {
      if (extension.url.endsWith('sdc-questionnaire-calculatedExpression')) {
        const value = fhirpath.evaluate(response, extension.valueExpression.expression, env, r4);
        found[item.linkId] = value.map(v => (typeof v === 'object' ? v : v));
      }
    }
  }
  return found;
}

let output;
if (input.check) {
  output = input.check.map(form => broken(form, input.invariants));
} else {
  output = input.responses.map(response => calculate(input.calculate, response));
}
process.stdout.write(JSON.stringify(output));
