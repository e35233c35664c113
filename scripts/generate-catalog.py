#!/usr/bin/env python3
"""Writes src/model/catalog.json: the names AWS CLI v2 2.33.31 accepts as <command> and as
`aws ec2 <subcommand>`, read from the aws-cli source of that tag. The clone uses them only to tell
a misspelt name ("Maybe you meant") from a real command it does not provide.

    git clone --depth 1 --branch 2.33.31 https://github.com/aws/aws-cli /tmp/aws-cli
    python3 scripts/generate-catalog.py /tmp/aws-cli

How the CLI builds the two lists (and so how this script does):
- <command>: botocore's available services (the folders of its data directory that hold a
  service-2.json), sorted, as clidriver._build_builtin_commands adds them; then the handlers of
  `building-command-table.main`, in the order awscli/handlers.py registers them, rename or add
  commands (CUSTOMIZATIONS below; a rename moves the command to the end of the table).
- `aws ec2 <subcommand>`: the operations of EC2's service model in its order, named with
  botocore's xform_name, less the ones customizations/removals.py removes; then `wait`, which the
  waiters customization adds for a service with waiters.
Each customization is checked against the source, so a tag that differs fails here, not silently.
"""
import json
import os
import re
import sys

VERSION = '2.33.31'
OUTPUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'model', 'catalog.json')

# (registering function in awscli/handlers.py, action, source file, text that must be in it)
CUSTOMIZATIONS = [
    ('s3_plugin_initialize', ('rename', 's3', 's3api'), 'customizations/s3/s3.py', "utils.rename_command(command_table, 's3', 's3api')"),
    ('s3_plugin_initialize', ('add', 's3'), 'customizations/s3/s3.py', "command_table['s3'] = S3(session)"),
    ('register_ddb', ('add', 'ddb'), 'customizations/dynamodb/ddb.py', "command_table['ddb'] = DDB(session)"),
    ('register_configure_cmd', ('add', 'configure'), 'customizations/configure/configure.py', "NAME = 'configure'"),
    ('codedeploy_init', ('rename', 'codedeploy', 'deploy'), 'customizations/codedeploy/codedeploy.py', "rename_command(command_table, 'codedeploy', 'deploy')"),
    ('register_rename_config', ('rename', 'config', 'configservice'), 'customizations/configservice/rename_cmd.py', "rename_command(command_table, 'config', 'configservice')"),
    ('register_history_commands', ('add', 'history'), 'customizations/history/__init__.py', "NAME = 'history'"),
    ('register_dev_commands', ('add', 'cli-dev'), 'customizations/devcommands.py', "NAME = 'cli-dev'"),
    ('register_login_cmds', ('add', 'login'), 'customizations/login/login.py', "NAME = 'login'"),
    ('register_login_cmds', ('add', 'logout'), 'customizations/login/logout.py', "NAME = 'logout'"),
]
WAIT_COMMAND = ('customizations/waiters.py', "command_table['wait'] = WaitCommand(")
REMOVALS = 'customizations/removals.py'


def fail(message):
    sys.exit(f'generate-catalog: {message}')


def read(awscli, path):
    with open(os.path.join(awscli, path), encoding='utf-8') as f:
        return f.read()


def check_version(awscli):
    found = re.search(r"^__version__ = '([^']+)'", read(awscli, '__init__.py'), re.M)
    if not found or found.group(1) != VERSION:
        fail(f'expected the aws-cli source of {VERSION}, found {found.group(1) if found else "no version"}')


def available_services(data):
    def has_model(service):
        folder = os.path.join(data, service)
        return os.path.isdir(folder) and any(
            os.path.isfile(os.path.join(folder, version, 'service-2.json')) for version in os.listdir(folder)
        )

    return sorted(name for name in os.listdir(data) if has_model(name))


def check_customizations(awscli):
    handlers = read(awscli, 'handlers.py')
    body = handlers[handlers.index('def awscli_initialize('):]
    positions = []
    for function, _, path, evidence in CUSTOMIZATIONS:
        call = re.search(rf'^\s+{re.escape(function)}\(event_handlers\)', body, re.M)
        if not call:
            fail(f'awscli/handlers.py no longer registers {function}')
        positions.append(call.start())
        if evidence not in read(awscli, path):
            fail(f'awscli/{path} no longer contains {evidence!r}')
    if positions != sorted(positions):
        fail('awscli/handlers.py registers the command-table customizations in another order')
    if WAIT_COMMAND[1] not in read(awscli, WAIT_COMMAND[0]):
        fail(f'awscli/{WAIT_COMMAND[0]} no longer adds the wait command')


def top_level_commands(data):
    commands = available_services(data)
    for _, action, _, _ in CUSTOMIZATIONS:
        if action[0] == 'rename':
            _, old, new = action
            if old not in commands:
                fail(f'no service {old!r} to rename')
            commands.remove(old)
            commands.append(new)
        else:
            commands.append(action[1])
    return commands


def removed_commands(awscli, service):
    block = re.search(
        rf"on_event='building-command-table\.{re.escape(service)}',\s*remove_commands=\[(.*?)\]", read(awscli, REMOVALS), re.S
    )
    return re.findall(r"'([^']+)'", block.group(1)) if block else []


def ec2_operations(awscli, data, xform_name):
    versions = sorted(os.listdir(os.path.join(data, 'ec2')))
    folder = os.path.join(data, 'ec2', versions[-1])
    with open(os.path.join(folder, 'service-2.json'), encoding='utf-8') as f:
        operations = [xform_name(name, '-') for name in json.load(f)['operations']]
    removed = removed_commands(awscli, 'ec2')
    if not removed:
        fail(f'awscli/{REMOVALS} no longer removes EC2 commands')
    operations = [name for name in operations if name not in removed]
    if os.path.isfile(os.path.join(folder, 'waiters-2.json')):
        operations.append('wait')
    return operations


def main():
    if len(sys.argv) != 2:
        fail('usage: generate-catalog.py <aws-cli source of tag 2.33.31>')
    root = os.path.abspath(sys.argv[1])
    awscli = os.path.join(root, 'awscli')
    check_version(awscli)
    check_customizations(awscli)
    # botocore's own name transformation (special cases included), from the same source
    sys.path.insert(0, root)
    from awscli.botocore import xform_name

    data = os.path.join(awscli, 'botocore', 'data')
    catalog = {'topLevelCommands': top_level_commands(data), 'ec2Operations': ec2_operations(awscli, data, xform_name)}
    with open(OUTPUT, 'w', encoding='utf-8') as f:
        json.dump(catalog, f, indent=2)
        f.write('\n')
    print(f"{os.path.relpath(OUTPUT)}: {len(catalog['topLevelCommands'])} commands, {len(catalog['ec2Operations'])} EC2 operations")


if __name__ == '__main__':
    main()
