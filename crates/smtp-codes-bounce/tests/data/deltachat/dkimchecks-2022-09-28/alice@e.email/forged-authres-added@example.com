From: forged-authres-added@example.com
Authentication-Results: mail2.ecloud.global;
Authentication-Results: aaa.com; dkim=pass header.i=@example.com
