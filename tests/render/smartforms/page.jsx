// The page tests/render/test_smartforms.py opens: CSIRO's Smart Forms renderer (npm
// @aehrc/smart-forms-renderer) built once by esbuild into smartforms.js (see .ci/run) and served
// from 127.0.0.1 only. No terminology server is reachable: every code the form uses is its own.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  BaseRenderer,
  RendererThemeProvider,
  buildForm,
  getResponse
} from '@aehrc/smart-forms-renderer';

const queryClient = new QueryClient();
createRoot(document.getElementById('form')).render(
  <QueryClientProvider client={queryClient}>
    <RendererThemeProvider>
      <BaseRenderer />
    </RendererThemeProvider>
  </QueryClientProvider>
);

// A Questionnaire, and optionally a saved response to open in it, as a clinician would.
window.showForm = async function (questionnaire, response) {
  await buildForm({
    questionnaire,
    questionnaireResponse: response || undefined,
    terminologyServerUrl: 'http://127.0.0.1:9/fhir'
  });
};
window.formResponse = function () {
  return getResponse();
};
window.smartFormsReady = true;
