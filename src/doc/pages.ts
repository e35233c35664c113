// The three help pages this CLI has — `aws help`, `aws ec2 help` and
// `aws ec2 release-ipam-pool-allocation help` — assembled from the operation description and
// the option table, section by section as the real CLI lays them out.
import { bullets, literal, literalBlock, paragraph, quote, section, text, type Block, type Inline, type Page } from './doc';
import { htmlToRst } from './html';
import { parseInline, parseRst } from './rst';
import { cliDescription, cliSynopsis, cliUsage, examplesNote } from './texts';
import { globalCliOptions, operationOptions, type CliOption } from '../model/cli-options';
import { operationCliName, type Operation } from '../model/operation';
import { cliInputFlags } from '../model/cli-params';

/** Blocks of an HTML documentation string. */
export function htmlBlocks(html: string): Block[] {
  return parseRst(htmlToRst(html));
}

function docBlocks(option: CliOption): Block[] {
  return 'html' in option.doc ? htmlBlocks(option.doc.html) : parseRst(option.doc.rst);
}

export function operationPage(op: Operation): Page {
  const name = operationCliName(op);
  const options = operationOptions(op);
  const globals = globalCliOptions();
  return {
    title: name.toUpperCase(),
    name,
    sections: [
      section('DESCRIPTION', [...htmlBlocks(op.doc), paragraph(text('See also: AWS API Documentation'))]),
      section('SYNOPSIS', [literalBlock(synopsis(name, options, globals))]),
      section('OPTIONS', optionBlocks(options)),
      section('GLOBAL OPTIONS', globalOptionBlocks(globals)),
      section('EXAMPLES', [{ kind: 'note', blocks: htmlBlocks(examplesNote) }, ...parseRst(op.example)]),
      section('OUTPUT', outputBlocks(op)),
    ],
  };
}

export function servicePage(op: Operation): Page {
  return {
    title: op.service.toUpperCase(),
    name: op.service,
    sections: [
      section('DESCRIPTION', htmlBlocks(op.serviceDoc)),
      section('AVAILABLE COMMANDS', [bullets([[paragraph(text(operationCliName(op)))]])]),
    ],
  };
}

export function topLevelPage(op: Operation): Page {
  return {
    title: 'AWS',
    name: 'aws',
    sections: [
      section('DESCRIPTION', [paragraph(text(cliDescription))]),
      section('SYNOPSIS', [literalBlock(cliSynopsis), paragraph(...parseInline(cliUsage))]),
      section('GLOBAL OPTIONS', globalOptionBlocks(globalCliOptions())),
      section('AVAILABLE SERVICES', [bullets([[paragraph(text(op.service))]])]),
    ],
  };
}

function synopsis(name: string, options: readonly CliOption[], globals: readonly CliOption[]): string {
  const lines = [`  ${name}`];
  const { json, yaml } = cliInputFlags;
  for (const o of options) {
    if (o.flag === yaml) continue;
    if (o.flag === json) lines.push(`[${json} | ${yaml}]`);
    else if (o.negation) lines.push(`[${o.flag} | ${o.negation}]`);
    else {
      const usage = o.showsValue ? `${o.flag} <value>` : o.flag;
      lines.push(o.required ? usage : `[${usage}]`);
    }
  }
  for (const g of globals) lines.push(g.showsValue ? `[${g.flag} <value>]` : `[${g.flag}]`);
  return lines.join('\n');
}

function optionBlocks(options: readonly CliOption[]): Block[] {
  const blocks: Block[] = [];
  const { json, yaml } = cliInputFlags;
  for (const o of options) {
    if (o.flag === yaml) continue;
    if ('rst' in o.doc) {
      // The CLI's own parameters: the name line and the text form one paragraph.
      const names: Inline[] = o.flag === json ? [literal(json), text(' | '), literal(yaml)] : [literal(o.flag)];
      blocks.push(paragraph(...names, text(` (${o.type})\n`), ...parseInline(o.doc.rst)));
      continue;
    }
    const names: Inline[] = o.negation ? [literal(o.flag), text(' | '), literal(o.negation)] : [literal(o.flag)];
    blocks.push(paragraph(...names, text(` (${o.type})${o.required ? ' [required]' : ''}`)));
    blocks.push(quote(docBlocks(o)));
  }
  return blocks;
}

function globalOptionBlocks(globals: readonly CliOption[]): Block[] {
  const blocks: Block[] = [];
  for (const g of globals) {
    blocks.push(paragraph(literal(g.flag), text(` (${g.type})`)), ...docBlocks(g));
    if (g.choices) blocks.push(bullets(g.choices.map((choice) => [paragraph(text(choice))])));
  }
  return blocks;
}

function outputBlocks(op: Operation): Block[] {
  return op.output.flatMap((m) => [paragraph(text(`${m.name} -> (${m.type})`)), quote(htmlBlocks(m.doc))]);
}
