#!/usr/bin/env python3
"""The `openshift` Azure CLI extension: hack/build-az-extension.sh builds its wheel."""

from setuptools import find_packages, setup

VERSION = '0.1.0'

setup(
    name='openshift',
    version=VERSION,
    description='Azure CLI extension for RedHat.OpenShift clusters',
    license='MIT',
    classifiers=[
        'Programming Language :: Python :: 3',
        'License :: OSI Approved :: MIT License',
    ],
    packages=find_packages(include=['azext_openshift', 'azext_openshift.*']),
    package_data={'azext_openshift': ['azext_metadata.json']},
    # Everything it uses comes with the Azure CLI (azure-core, azure-mgmt-core, knack): the CLI
    # installs extensions with pip, which would otherwise fetch requirements from an index.
    install_requires=[],
)
